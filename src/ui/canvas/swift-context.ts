import { createContext } from 'react';

/**
 * Playing swiftly (see selectSwift), for the nodes: the canvas reads it from the store once and
 * hands it down, instead of every node asking the store in every frame.
 */
export const SwiftContext = createContext(false);
