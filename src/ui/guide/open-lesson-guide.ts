import { downloadText } from '../download';
import { button } from '../dom';

/**
 * Opens the lesson guide as a printable page in a new tab. The window opens at once, inside the click
 * (so no pop-up blocker objects), and gets the page as soon as its chunk has loaded; where a browser
 * allows no new window, the page is saved as a file instead.
 */
export function openLessonGuide(): void {
  const win = window.open('', '_blank');
  void import('./lesson-guide-page').then(({ lessonGuideHtml }) => {
    const html = lessonGuideHtml();
    if (!win) {
      downloadText('buffer-zone-lesson-guide.html', html, 'text/html');
      return;
    }
    win.location.href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  });
}

/** The "Lesson guide" control for the About screen and the teacher's setup. */
export function lessonGuideButton(attrs: Record<string, string> = {}): HTMLButtonElement {
  return button('Lesson guide', openLessonGuide, {
    title: 'Opens the lesson guide as a printable page: objectives, pre-reading, lesson plans, roles, debrief and assessment',
    ...attrs,
  });
}
