import { render } from 'preact';
import { App } from './app';
import { initLang } from './i18n';
import { interceptLinkClick } from './router';
import './styles.css';

initLang();
document.addEventListener('click', interceptLinkClick);
const root = document.getElementById('app');
if (root) render(<App />, root);
