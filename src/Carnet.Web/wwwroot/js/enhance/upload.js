// The upload form with a progress bar: the same form, sent with XMLHttpRequest so that the upload's
// progress shows. The server answers JSON (Accept) with where to go next, or the error to show.
// The antiforgery token travels in the form like in the plain post. Without this file the form posts as usual.
export function enhance(form) {
  const progressBox = form.querySelector("[data-upload-progress]");
  const progress = progressBox.querySelector("progress");
  const status = progressBox.querySelector("[data-upload-status]");
  const alert = document.getElementById("upload-error");
  const alertText = alert.querySelector("[data-upload-error]");
  const submit = form.querySelector("button[type=submit]");
  const maxBytes = Number(form.dataset.maxBytes);

  const showError = (message) => {
    alertText.textContent = message;
    alert.hidden = false;
    progressBox.hidden = true;
    submit.disabled = false;
    alert.scrollIntoView({ block: "center" });
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const files = [...form.querySelectorAll("input[type=file]")].flatMap((input) => [...input.files]);
    if (files.length === 0) {
      showError(form.dataset.errorNoFile);
      return;
    }
    // Said before sending 5 MB over a phone connection for nothing (the server checks again).
    if (files.some((file) => file.size > maxBytes)) {
      showError(form.dataset.errorTooLarge);
      return;
    }

    alert.hidden = true;
    progressBox.hidden = false;
    progress.value = 0;
    status.textContent = form.dataset.sending.replace("{0}", "0");
    submit.disabled = true;

    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.setRequestHeader("Accept", "application/json");
    request.responseType = "json";
    request.upload.addEventListener("progress", (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.round((e.loaded / e.total) * 100);
      progress.value = percent;
      status.textContent = form.dataset.sending.replace("{0}", String(percent));
    });
    request.upload.addEventListener("load", () => {
      progress.value = 100;
      status.textContent = form.dataset.sent;
    });
    request.addEventListener("load", () => {
      const body = request.response;
      if (request.status === 200 && body && typeof body.location === "string" && body.location.startsWith("/")) {
        window.location.assign(body.location);
      } else {
        showError(body && body.message ? body.message : form.dataset.errorOther);
      }
    });
    request.addEventListener("error", () => showError(form.dataset.errorNetwork));
    request.send(new FormData(form));
  });
}
