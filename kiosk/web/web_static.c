/* web_static.c - the console's two static files, built into the program: one small style sheet
 * (readable from a 390 px phone to a desktop) and the countdown script (no inline script: the
 * Content-Security-Policy allows only files of our own). */
#include <string.h>

#include "web.h"

static const char web_css[] =
    "*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,sans-serif;color:#1d2733;"
    "background:#f3f5f8}"
    ".bar{display:flex;flex-wrap:wrap;gap:.6em;align-items:center;padding:.6em 1em;"
    "background:#16365c;color:#fff}.bar a,.bar .link{color:#fff}.home{font-weight:700;"
    "text-decoration:none;margin-right:auto}.who{font-size:.9em}"
    ".inline{display:inline;margin:0}.link{background:none;border:0;padding:0;font:inherit;"
    "text-decoration:underline;cursor:pointer;min-height:0}"
    "main{max-width:1200px;margin:0 auto;padding:1em}h1{font-size:1.4em;margin:.3em 0}"
    "h2{font-size:1.15em;margin:1em 0 .4em}"
    ".list{list-style:none;padding:0;margin:0}.row{display:flex;flex-wrap:wrap;gap:.4em;"
    "justify-content:space-between;align-items:center;background:#fff;border-left:6px solid "
    "#1f7a3d;border-radius:6px;padding:.7em .9em;margin:.5em 0}.row.late{border-color:#b3261e}"
    ".row a{color:inherit;text-decoration:none;flex:1 1 16em;min-width:0;overflow-wrap:anywhere}"
    ".num{font-weight:700}.sub{display:block;color:#4a5866;font-size:.92em}"
    ".due{font-weight:700;color:#1f7a3d;white-space:nowrap}.due.late,.late>.due{color:#b3261e}"
    ".flash{padding:.6em .8em;border-radius:6px;overflow-wrap:anywhere}.ok{background:#e3f3e7;"
    "color:#14532d}.bad{background:#fbe4e2;color:#8c1d18}.muted{color:#5b6875}"
    ".card{background:#fff;border-radius:8px;padding:1em;margin:.8em 0;display:flex;"
    "flex-direction:column;gap:.4em;max-width:36em}"
    "label{font-weight:600;font-size:.92em}input,select,textarea{font:inherit;padding:.55em;"
    "border:1px solid #9aa7b4;border-radius:6px;width:100%}"
    "button{font:inherit;min-height:44px;padding:.5em 1em;border-radius:6px;border:0;"
    "cursor:pointer}.primary{background:#16365c;color:#fff}.danger{background:#b3261e;"
    "color:#fff}"
    ".cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.2em}"
    "@media (max-width:760px){.cols{grid-template-columns:1fr}}"
    ".details{display:grid;grid-template-columns:max-content 1fr;gap:.3em .8em;background:#fff;"
    "border-radius:8px;padding:1em;margin:0}.details dt{font-weight:600;color:#4a5866}"
    ".details dd{margin:0;overflow-wrap:anywhere}"
    "@media (max-width:480px){.details{grid-template-columns:1fr}.details dd{margin-bottom:.4em}}"
    ".timeline{background:#fff;border-radius:8px;padding:1em 1em 1em 2.2em;margin:0}"
    ".timeline li{margin:.3em 0;overflow-wrap:anywhere}.timeline li b{display:none}"
    ".timeline .late{color:#b3261e}.note{color:#4a5866;font-size:.92em;white-space:pre-wrap}"
    ".state{font-weight:600}.desk{display:flex;flex-wrap:wrap;gap:.3em 1em;padding:.5em 1em;"
    "background:#dfe7f1}.desk a{color:#16365c;font-weight:600}"
    "table{border-collapse:collapse;background:#fff;width:100%;display:block;overflow-x:auto}"
    "th,td{text-align:left;padding:.4em .6em;border-bottom:1px solid #dde3ea}"
    "tr.late td{color:#b3261e}"
    ".meter{display:inline-block;height:.8em;background:#1f7a3d;vertical-align:middle}"
    "tr.late .meter{background:#b3261e}"
    ".meter.w0{width:0px}"
    ".meter.w1{width:6px}"
    ".meter.w2{width:12px}"
    ".meter.w3{width:18px}"
    ".meter.w4{width:24px}"
    ".meter.w5{width:30px}"
    ".meter.w6{width:36px}"
    ".meter.w7{width:42px}"
    ".meter.w8{width:48px}"
    ".meter.w9{width:54px}"
    ".meter.w10{width:60px}"
    ".meter.w11{width:66px}"
    ".meter.w12{width:72px}"
    ".meter.w13{width:78px}"
    ".meter.w14{width:84px}"
    ".meter.w15{width:90px}"
    ".meter.w16{width:96px}"
    ".meter.w17{width:102px}"
    ".meter.w18{width:108px}"
    ".meter.w19{width:114px}"
    ".meter.w20{width:120px}"
    "\n";

/* Counts each .due on from the server's time (data-now) and redraws its text every second with
 * the page's own sentences (data-left / data-over); overdue turns it red. */
static const char web_js[] =
    "'use strict';\n"
    "(function () {\n"
    "  var start = Date.now();\n"
    "  function pad(n) { return (n < 10 ? '0' : '') + n; }\n"
    "  function tick() {\n"
    "    var els = document.querySelectorAll('.due');\n"
    "    for (var i = 0; i < els.length; i++) {\n"
    "      var e = els[i];\n"
    "      var now = Number(e.dataset.now) + Math.floor((Date.now() - start) / 1000);\n"
    "      var d = Number(e.dataset.due) - now, late = d < 0;\n"
    "      if (late) d = -d;\n"
    "      var t = Math.floor(d / 60) + ':' + pad(d % 60);\n"
    "      e.textContent = (late ? e.dataset.over : e.dataset.left).replace('%s', t);\n"
    "      e.classList.toggle('late', late);\n"
    "    }\n"
    "  }\n"
    "  document.addEventListener('DOMContentLoaded', function () {\n"
    "    tick();\n"
    "    setInterval(tick, 1000);\n"
    "  });\n"
    "})();\n";

bool web_static(struct web_req *r, const char *name)
{
	const char *s;
	if (!strcmp(name, "app.css")) {
		s = web_css;
		r->ctype = "text/css; charset=utf-8";
	} else if (!strcmp(name, "countdown.js")) {
		s = web_js;
		r->ctype = "text/javascript; charset=utf-8";
	} else {
		return false;
	}
	web_raw(&r->body, s);
	return true;
}
