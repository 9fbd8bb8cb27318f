// The review view's side panels, one chunk loaded just after the grid: the first screen paints the document first.
export { HistoryPanel } from '../history/HistoryPanel.tsx';
export { GlossaryPanel } from '../glossary/GlossaryPanel.tsx';
export { IssuePanel } from '../issues/IssuePanel.tsx';
export { CommentsPanel } from '../comments/CommentsPanel.tsx';
export { AnnotationPanel } from '../annotations/AnnotationPanel.tsx';
export { MemorySection } from '../memory/MemorySection.tsx';
