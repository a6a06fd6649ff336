import { dismissNotice, selectNotices, useNoticeStore } from '../../app/notices';

/** Messages about the work (a share link that was not opened, storage that is full), above the page. */
export function NoticeBar() {
  const notices = useNoticeStore(selectNotices);
  if (notices.length === 0) return null;
  return (
    <div className="notice-bar">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.level}`} role={notice.level === 'error' ? 'alert' : 'status'}>
          <span aria-hidden="true">{notice.level === 'error' ? '⚠' : 'ℹ'}</span>
          <p>{notice.message}</p>
          <button type="button" onClick={() => dismissNotice(notice.id)}>Dismiss</button>
        </div>
      ))}
    </div>
  );
}
