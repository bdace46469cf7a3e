#!/bin/sh
# Regenerates the password dictionaries embedded in Carnet from pinned npm packages.
# Needs npm, node, tar, gzip and sha256sum. See PROVENANCE.md for what is kept and why.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

npm pack --silent \
  @zxcvbn-ts/language-common@4.1.3 \
  @zxcvbn-ts/language-fr@4.1.2 \
  @zxcvbn-ts/language-en@4.1.1 >/dev/null

# Pinned tarball digests: a republished or tampered package must not slip into the data unnoticed.
sha256sum -c - <<'SUMS'
bf3027c16c069d7877e25dc8751bc819e10e479afcc5ee1a323eb2ab73129ca9  zxcvbn-ts-language-common-4.1.3.tgz
0102842dd0fcd3501807c37e14a37de9614a34d71f5dcfc23e80f67a6b0fbe16  zxcvbn-ts-language-fr-4.1.2.tgz
4515020b65ad9ea2b7dc9275089d60ceb39a267f4ed4b9389ff6a2c44f7372a8  zxcvbn-ts-language-en-4.1.1.tgz
SUMS

for lang in common fr en; do
  mkdir "$lang"
  tar xzf zxcvbn-ts-language-"$lang"-*.tgz -C "$lang"
done

# Same folding as PasswordText.Fold in C#: lower case, œ/æ/ß spelled out, accents removed.
# Only entries made of 5 or more letters a-z after folding are kept (PasswordDictionary explains why);
# the list is deduplicated and sorted by code unit so that regeneration is byte-identical.
extract() {
  node -e '
    const fs = require("fs");
    const fold = s => s.toLowerCase()
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss")
      .normalize("NFD").replace(/\p{M}/gu, "");
    const words = new Set(JSON.parse(fs.readFileSync(process.argv[1], "utf8"))
      .map(fold)
      .filter(w => /^[a-z]{5,}$/.test(w)));
    process.stdout.write([...words].sort().join("\n") + "\n");
  ' "$1" | gzip -9n > "$here/$2"
}

extract common/package/src/passwords.json common-passwords.txt.gz
extract fr/package/src/commonWords.json words-fr.txt.gz
extract en/package/src/commonWords.json words-en.txt.gz

for f in common-passwords words-fr words-en; do
  printf '%s.txt.gz: %s words, %s bytes\n' "$f" "$(gzip -dc "$here/$f.txt.gz" | wc -l)" "$(wc -c < "$here/$f.txt.gz")"
done
