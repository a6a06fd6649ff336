const PATHS = {
  play: 'M7 4.5v15l13-7.5z',
  pause: 'M6 4h4.5v16H6zM13.5 4H18v16h-4.5z',
  stepBack: 'M6 5h2.5v14H6zM19 5v14L9 12z',
  stepForward: 'M15.5 5H18v14h-2.5zM5 5v14l10-7z',
  restart: 'M12 5a7 7 0 1 1-6.6 4.7l2.3.8A4.6 4.6 0 1 0 12 7.4V10L7.5 6.2 12 2.5z',
} as const;

/** A player glyph drawn as SVG (fonts on a projector laptop may lack the media symbols). */
export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="1.1em" height="1.1em" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
