#!/usr/bin/env python3
"""Writes a component's pair of resource files from one table, so French and English never drift apart.

    tools/portal/resx.py src/Carnet.Web/Portal/Pages/Documents.texts

A .texts file holds one text per block: the key on its own line, then `fr: …` and `en: …`
(a line starting with two spaces continues the previous one). It writes Documents.resx (French, the
neutral language) and Documents.en.resx beside it. Commit the .texts and both .resx files.
"""
import sys, os
from xml.sax.saxutils import escape

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<!-- Written by tools/portal/resx.py from {source}: edit that file, not this one. -->
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def parse(path):
    entries, key, current = [], None, None
    for number, raw in enumerate(open(path, encoding='utf-8'), 1):
        line = raw.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        if line.startswith('  ') and current is not None:
            current[1] += ' ' + line.strip()
        elif line.startswith('fr: ') or line.startswith('en: '):
            if key is None:
                sys.exit(f'{path}:{number}: a text before any key')
            current = [line[:2], line[4:]]
            entries[-1][1][current[0]] = current
        else:
            key = line.strip()
            if any(k == key for k, _ in entries):
                sys.exit(f'{path}:{number}: key {key} appears twice')
            entries.append((key, {}))
            current = None
    for k, texts in entries:
        for lang in ('fr', 'en'):
            if lang not in texts:
                sys.exit(f'{path}: key {k} has no {lang}: text')
    return entries

def write(path, source, entries, lang):
    with open(path, 'w', encoding='utf-8') as out:
        out.write(HEADER.format(source=source))
        for k, texts in entries:
            out.write(f'  <data name="{escape(k)}" xml:space="preserve"><value>{escape(texts[lang][1])}</value></data>\n')
        out.write('</root>\n')

for source in sys.argv[1:]:
    entries = parse(source)
    base = source[:-len('.texts')]
    name = os.path.basename(source)
    write(base + '.resx', name, entries, 'fr')
    write(base + '.en.resx', name, entries, 'en')
    print(f'{source}: {len(entries)} texts')
