// Injected by `plenary serve` only: reloads the page after a rebuild, and shows build
// errors over the page until they are fixed.
(() => {
  const events = new EventSource("/__plenary/events");
  let overlay = null;
  // Marked on the page once the connection is open, for tests and tools that edit files.
  events.addEventListener("open", () => { document.documentElement.dataset.plenaryLive = "open"; });
  events.addEventListener("reload", () => location.reload());
  // A save of content only: the new page takes the old one's place without a reload,
  // which would fetch the styles again and reconnect. Pages that run scripts of their
  // own, or whose styles changed, are reloaded all the same.
  const sheets = (d) => [...d.querySelectorAll("link[rel=stylesheet]")].map((l) => l.href).join(" ");
  const scripted = (d) => [...d.querySelectorAll("script[src]")].some((s) => !s.src.endsWith("/__plenary/live.js"));
  events.addEventListener("refresh", async () => {
    try {
      const response = await fetch(location.href, { cache: "no-store" });
      const next = new DOMParser().parseFromString(await response.text(), "text/html");
      if (!response.ok || response.redirected || sheets(next) !== sheets(document) || scripted(next) || scripted(document)) {
        location.reload();
        return;
      }
      const y = window.scrollY;
      for (const el of [...document.head.children]) if (!el.matches("link[rel=stylesheet]")) el.remove();
      for (const el of [...next.head.children]) if (!el.matches("link[rel=stylesheet]")) document.head.append(document.adoptNode(el));
      document.documentElement.replaceChild(document.adoptNode(next.body), document.body);
      overlay = null;
      window.scrollTo(0, y);
    } catch {
      location.reload();
    }
  });
  // A save rebuilt while this page was loading: its reload was sent before this page
  // listened. Once per build, so that a clock that differs cannot reload without end.
  events.addEventListener("built", (e) => {
    if (Number(e.data) > performance.timeOrigin && sessionStorage.getItem("plenary-built") !== e.data) {
      sessionStorage.setItem("plenary-built", e.data);
      location.reload();
    }
  });
  events.addEventListener("problems", (e) => {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
        "background:rgba(20,24,29,.94);color:#fff;padding:2rem;font:14px/1.5 ui-monospace,monospace;" +
        "white-space:pre-wrap;direction:ltr;text-align:left";
      document.body.append(overlay);
    }
    overlay.textContent = "plenary: the last edit does not build; the page shows the last good build.\n\n" + e.data;
  });
})();
