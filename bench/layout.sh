#!/usr/bin/env bash
# bench/layout.sh: the figures of the source layout — files per folder of src/Api, files that declare no type
# named after them (a resource's <Resource>Models.cs and <Resource>Validators.cs may hold several), spelled-out
# `new CommandDefinition(`, the non-blank lines of the controllers, and (where the `duplicates` tool is on the
# PATH) the pairs of places in src that share six or more lines.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../src/Api"

echo "Files per folder (largest first):"
find . -name '*.cs' -not -path './bin/*' -not -path './obj/*' -printf '%h\n' | sort | uniq -c | sort -rn | head -5 | sed 's/^/  /'

echo "Files that declare no type named after the file:"
unnamed=0
while IFS= read -r f; do
  base="$(basename "$f" .cs)"
  [[ "$base" == *Models || "$base" == *Validators || "$base" == Program ]] && continue
  if ! grep -Eq "(class|record|struct|interface|enum)( struct| class)? ${base}\b" "$f"; then
    echo "  $f"; unnamed=$((unnamed + 1))
  fi
done < <(find . -name '*.cs' -not -path './bin/*' -not -path './obj/*' | sort)
echo "  ($unnamed)"

echo "Spelled-out 'new CommandDefinition(': $(grep -r --include='*.cs' -o 'new CommandDefinition(' . | wc -l)"
echo "Controllers, non-blank lines: $(cat $(find . -name '*Controller.cs' -not -path './bin/*') | grep -cv '^\s*$')"
if command -v duplicates >/dev/null; then
  echo "Duplicates: $(duplicates --repo . | head -1)"
fi
