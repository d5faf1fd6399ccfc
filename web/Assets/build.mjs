// Builds the site's files into wwwroot (run by Web.csproj through `npm run build`):
// - js/site.js: Assets/site.mjs with the GOV.UK Frontend modules it imports, bundled and minified by esbuild (and
//   js/check-in-desk.js, the check-in desk's QR reader, from Assets/check-in-desk.mjs);
// - css/site.css: Assets/site.scss compiled by Sass (compressed), then every rule whose classes no public page uses
//   removed by PurgeCSS; css/manage.css: Assets/back-office.scss (the same with the back office's parts) purged against the
//   back office's pages. The classes are looked for in the pages (*.cshtml) and in the script just built (the classes GOV.UK
//   Frontend's components add as they run), so write a class name whole in a page, never built from pieces.
// Each public page's HTML, CSS and script together must stay within 100 KB decoded (SiteShellTests checks).
import { mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { build } from "esbuild";
import { compile } from "sass";
import { PurgeCSS } from "purgecss";

mkdirSync("wwwroot/js", { recursive: true });
mkdirSync("wwwroot/css", { recursive: true });

// site.js for every page; check-in-desk.js only for the check-in desk (its QR reader), so no other page pays for it.
await build({
  entryPoints: ["Assets/site.mjs", "Assets/check-in-desk.mjs"],
  outdir: "wwwroot/js",
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  legalComments: "none",
  logLevel: "error",
});

// GOV.UK's override classes carry a "!" (govuk-!-margin-bottom-1): the default extractor would split them.
const extractor = (text) => text.match(/[\w!:-]+/g) ?? [];
const publicPages = [
  "Pages/*.cshtml",
  "Pages/{Shared,Awards,Certificates,EmailUpdates,Events,News,Registrations,Volunteering}/**/*.cshtml",
  "{Awards,EmailUpdates,Events,News,Volunteering}/**/*.cshtml",
];
// css/site.css for the public pages; css/manage.css, the same with the back office's parts, for /manage's pages only.
for (const [source, target, pages, scripts] of [
  ["Assets/site.scss", "wwwroot/css/site.css", publicPages, ["wwwroot/js/site.js"]],
  ["Assets/back-office.scss", "wwwroot/css/manage.css", ["Pages/Shared/**/*.cshtml", "Pages/Manage/**/*.cshtml", "Manage/**/*.cshtml"],
    ["wwwroot/js/site.js", "wwwroot/js/check-in-desk.js"]],
]) {
  const compiled = compile(source, { loadPaths: ["node_modules", "Assets"], style: "compressed", quietDeps: true });
  const [purged] = await new PurgeCSS().purge({
    css: [{ raw: compiled.css }],
    content: [...pages, ...scripts.map((script) => ({ raw: readFileSync(script, "utf8"), extension: "js" }))],
    defaultExtractor: extractor,
  });
  writeFileSync(target, purged.css);
}
