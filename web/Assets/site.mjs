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
for (const component of [Button, CharacterCount, ErrorSummary, NotificationBanner]) createAll(component);
