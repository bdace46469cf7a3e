// Live password rules: as the person types, each rule of the list says whether it is met. The same rules as the
// server's PasswordRules for length and kinds of characters; the server remains the judge (personal data, dictionary).
const checks = {
  length: (value) => [...new Intl.Segmenter().segment(value)].length >= 9,
  lower: (value) => /\p{Ll}/u.test(value),
  upper: (value) => /\p{Lu}/u.test(value),
  digit: (value) => /\p{Nd}/u.test(value),
  special: (value) => /[^\p{L}\p{N}]/u.test(value),
};

export function enhance(element) {
  const input = document.getElementById(element.dataset.for);
  if (!input) return;
  const summary = element.querySelector("[data-rules-summary]");
  let timer;
  const update = () => {
    let met = 0;
    for (const item of element.querySelectorAll("li[data-rule]")) {
      const ok = checks[item.dataset.rule]?.(input.value) ?? false;
      met += ok ? 1 : 0;
      item.classList.toggle("carnet-rule--met", ok);
      item.classList.toggle("carnet-rule--unmet", !ok);
      const state = item.querySelector(".carnet-rule-state");
      if (state) state.textContent = " " + (ok ? element.dataset.met : element.dataset.unmet);
    }
    // Screen readers hear a short summary once the person pauses, not every keystroke.
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (summary && input.value) summary.textContent = summary.dataset.summary.replace("{0}", met);
    }, 800);
  };
  element.classList.add("carnet-rules--live");
  input.addEventListener("input", update);
  update();
}
