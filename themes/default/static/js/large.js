// 大字 (large text), remembered: loaded in <head> without defer, so the class is on <html>
// before the page is drawn. js/site.js stores the choice; css/large.css does the rest.
try { if (localStorage.getItem("gigboard-large") === "1") document.documentElement.classList.add("large"); } catch (e) {}
