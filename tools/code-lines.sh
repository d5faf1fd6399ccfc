#!/usr/bin/env bash
# Lines of hand-written code per folder, at a commit or in the working tree:
#   tools/code-lines.sh            the working tree (tracked and untracked-but-not-ignored files)
#   tools/code-lines.sh REV        the tree at REV (e.g. main, or a merge base)
# Counts non-blank lines of C#, Razor, Handlebars, JavaScript, Sass, SQL, shell, Python and MSBuild files. Leaves out
# what a tool wrote: EF Core migrations and model snapshots, *.Designer.cs and *.g.cs, lock files, bin/, obj/,
# node_modules/ and the vendored wwwroot/lib/. Folders are the first two levels (services/Events, tests/Events.Tests).
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:-}"

if [ -n "$rev" ]; then
  tree=$(mktemp -d)
  trap 'rm -rf "$tree"' EXIT
  git archive "$rev" | tar -x -C "$tree"
  cd "$tree"
  files() { find . -type f | sed 's|^\./||'; }
else
  files() { git ls-files --cached --others --exclude-standard; }
fi

files \
  | grep -E '\.(cs|cshtml|razor|hbs|mjs|js|scss|sql|sh|py|csproj|props|targets)$|^platform$|^\.ci/run$' \
  | grep -vE '(^|/)(Migrations|bin|obj|node_modules)/|wwwroot/lib/|\.Designer\.cs$|\.g\.cs$|ModelSnapshot\.cs$' \
  | while read -r file; do
      [ -f "$file" ] || continue
      lines=$(grep -cv '^[[:space:]]*$' "$file" || true)
      folder=$(echo "$file" | awk -F/ '{ if (NF <= 2) print $1; else print $1 "/" $2 }')
      # Files at the top of a one-level folder (ServiceDefaults/Extensions.cs) count for that folder.
      case "$folder" in services/*|tests/*|bench/*|tools/*) ;; *) folder="${file%%/*}";; esac
      [ "$folder" = "$file" ] && folder="(root)"
      echo "$folder $lines"
    done \
  | awk '{ total[$1] += $2; all += $2 } END { for (f in total) printf "%-28s %7d\n", f, total[f] | "sort"; close("sort"); printf "%-28s %7d\n", "TOTAL", all }'
