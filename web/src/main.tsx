import { render } from 'preact';
import { App } from './app.js';
import { installLinkInterception } from './lib/router.js';
import './styles.css';

installLinkInterception();
const root = document.getElementById('app')!;
// A page built by `candor site build` carries its content as plain HTML (for readers without
// JavaScript, search engines and link previews); the app takes over from it.
root.replaceChildren();
render(<App />, root);
