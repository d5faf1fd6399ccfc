// Progressive enhancement only: every page works without this file. GOV.UK Frontend's components (character count,
// error summary focus, details) start here; the class tells its styles that script runs.
import { initAll } from "/lib/govuk/govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported");
initAll();
