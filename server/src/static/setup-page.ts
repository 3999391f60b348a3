import { Hono } from "hono";

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>创建管理员 · 潼南区城市大脑</title>
<style>
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; color: #d3d6dd;
    background: radial-gradient(circle at center, #0e2a43, #020408); font: 16px/1.6 "Noto Sans SC", "Microsoft YaHei", sans-serif; }
  form { width: 360px; padding: 32px; border: 1px solid rgba(79,210,221,.35); background: rgba(255,255,255,.04); }
  h1 { font-size: 22px; color: #fff; margin: 0 0 4px; } p { margin: 0 0 20px; color: rgba(255,255,255,.7); font-size: 14px; }
  label { display: block; margin: 12px 0 4px; font-size: 14px; }
  input { width: 100%; box-sizing: border-box; padding: 8px 10px; background: #0b1a2b; border: 1px solid #2b4a66; color: #fff; font-size: 16px; }
  button { margin-top: 20px; width: 100%; padding: 10px; background: #00baff; border: 0; color: #02121f; font-size: 16px; cursor: pointer; }
  output { display: block; margin-top: 14px; min-height: 1.5em; font-size: 14px; }
  .ok { color: #7cffb2; } .err { color: #ff6e76; }
</style>
</head>
<body>
<form id="f">
  <h1>创建第一个管理员</h1>
  <p>Create the first administrator. This link works once and expires in one hour.</p>
  <label for="name">用户名 User name</label><input id="name" name="name" autocomplete="username" required>
  <label for="password">密码 Password (≥ 10)</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="10" required>
  <button type="submit">创建 Create</button>
  <output id="out" role="status"></output>
</form>
<script>
  const out = document.getElementById("out");
  document.getElementById("f").addEventListener("submit", async (e) => {
    e.preventDefault();
    const code = new URLSearchParams(location.search).get("code") || "";
    const body = { code, name: e.target.name.value, password: e.target.password.value };
    const res = await fetch("/api/auth/setup", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const json = await res.json().catch(() => ({}));
    out.className = res.ok ? "ok" : "err";
    out.textContent = res.ok ? "已创建，已登录。Created and signed in." : ((json.error && json.error.message) || ("HTTP " + res.status));
  });
</script>
</body>
</html>`;

/**
 * `GET /setup`: the one-time page that creates the first admin (posts to `/api/auth/setup` with
 * the code from the link the server printed). Self-contained: no scripts or fonts from elsewhere.
 * @example
 * app.route("/", setupPage());
 */
export function setupPage(): Hono {
  const app = new Hono();
  app.get("/setup", (c) => {
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    return c.html(PAGE);
  });
  return app;
}
