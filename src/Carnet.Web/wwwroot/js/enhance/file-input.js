// USWDS writes its file input's texts in English whatever the page's language. This puts the page's own
// words back — the server renders them in data-text-* attributes on the group — each time USWDS writes
// them: when it builds the drop zone, when a file is chosen, and in the status it announces a second later.
export function enhance(group) {
  const t = group.dataset;
  const rules = [
    [/^Drag files? here or$/, t.textDrag],
    [/^choose from folder$/, t.textChoose],
    [/^Choose from folder$/, t.textChooseAlone],
    [/^Selected file$/, t.textSelected],
    [/^Change file$/, t.textChange],
    [/^You have selected the file: (.*)$/s, t.textSelectedStatus],
    [/^Drag files? here or choose from folder$/, `${t.textDrag} ${t.textChoose}`],
  ];

  const translate = (text) => {
    const trimmed = text.trim();
    for (const [pattern, words] of rules) {
      const match = trimmed.match(pattern);
      if (match && words) {
        return text.replace(trimmed, words.replace("{0}", match[1] ?? ""));
      }
    }
    return text;
  };

  const pass = () => {
    const walker = document.createTreeWalker(group, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const words = translate(node.nodeValue);
      if (words !== node.nodeValue) node.nodeValue = words;
    }
    for (const element of group.querySelectorAll("[aria-label]")) {
      const label = element.getAttribute("aria-label");
      const words = translate(label);
      if (words !== label) element.setAttribute("aria-label", words);
    }
  };

  new MutationObserver(pass).observe(group, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["aria-label"] });
  pass();
}
