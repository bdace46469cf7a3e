// Carnet portal: progressive enhancement only. Every page works without this file; with it, elements
// marked data-enhance="name" get the behaviour of ./enhance/name.js (loaded on demand).
document.documentElement.classList.add("js");

for (const element of document.querySelectorAll("[data-enhance]")) {
  for (const name of element.dataset.enhance.split(" ")) {
    if (!/^[a-z-]+$/.test(name)) continue;
    import(`./enhance/${name}.js`)
      .then((module) => module.enhance(element))
      .catch((error) => console.error(`Carnet: enhancement ${name} failed`, error));
  }
}
