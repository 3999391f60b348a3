import "./styles/fonts.ts";
import "./styles/wall.css";
import "./styles/title-bar.css";
import "./styles/panel.css";
import "./styles/panels.css";
import { startWall } from "./app/start-wall.ts";

const root = document.getElementById("app");
if (!root) throw new Error('index.html has no element with id "app"');
startWall(root);
