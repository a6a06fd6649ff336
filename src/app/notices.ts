/**
 * Messages about the work itself (a share link that could not be opened, storage that is full),
 * kept apart from the undoable store: they are not part of the scenario and must not be undone.
 */
import { create } from 'zustand';

export interface Notice {
  id: string;
  level: 'info' | 'error';
  /** Plain text, shown as text. */
  message: string;
}

interface NoticeState {
  notices: Notice[];
}

export const useNoticeStore = create<NoticeState>()(() => ({ notices: [] }));

/** Shows a notice; a notice with the same id replaces the older one. */
export function showNotice(notice: Notice): void {
  useNoticeStore.setState((s) => ({ notices: [...s.notices.filter((n) => n.id !== notice.id), notice] }));
}

export function dismissNotice(id: string): void {
  useNoticeStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

export const selectNotices = (s: NoticeState): Notice[] => s.notices;
