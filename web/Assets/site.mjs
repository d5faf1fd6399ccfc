// Progressive enhancement only: every page works without this file. Bundled by Assets/build.mjs with only the
// GOV.UK Frontend components whose script the pages need (the whole library would be 47 KB a page):
// - Button: no double submission where a form says data-prevent-double-click; space activates a link styled as a button;
// - CharacterCount: the nomination's citation counts its words as you type;
// - ErrorSummary: takes focus when a form comes back with errors, and its links move to the field's label;
// - NotificationBanner: a success banner takes focus.
// Checkboxes and Radios are left out: their script only reveals conditional content, which no page has.
import { Button, CharacterCount, ErrorSummary, NotificationBanner, createAll } from "govuk-frontend";

// Tells GOV.UK Frontend's styles that script runs (what its own template does inline, which our CSP forbids).
document.body.classList.add("govuk-frontend-supported");
for (const component of [Button, ErrorSummary, NotificationBanner]) createAll(component);
for (const count of createAll(CharacterCount)) followChosenLimit(count);

/**
 * A word count whose limit depends on a choice elsewhere in the form (data-maxwords-from names the radios, each with
 * its own data-maxwords: a nomination's citation has its award's limit). The page is rendered with the chosen
 * option's limit, or the largest when none is chosen; picking another option counts against that one's limit.
 * data-maxwords (which GOV.UK Frontend 6 deprecates, with a console warning, for a segmenter's count) is kept on
 * purpose: it counts words as the Awards service does, by the spaces between them.
 */
function followChosenLimit(count) {
  const group = count.$root.getAttribute("data-maxwords-from");
  if (!group) return;
  const description = document.getElementById(`${count.$textarea.id}-info`);
  for (const option of document.querySelectorAll(`input[type="radio"][name="${CSS.escape(group)}"][data-maxwords]`)) {
    option.addEventListener("change", () => {
      const limit = Number(option.getAttribute("data-maxwords"));
      if (!option.checked || !(limit > 0)) return;
      count.maxLength = limit;
      if (description) description.textContent = `You can enter up to ${limit} words`;
      count.updateCountMessage();
    });
  }
}
