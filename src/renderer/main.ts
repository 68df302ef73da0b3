import { createApp, watchEffect } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createAppRouter } from './router';
import { locale, setLocale } from './composables/useT';
import './styles/base.css';
import './styles/wizard-step.css';
import './styles/data-table.css';

// The language: the system's, unless the address asks for another (`?lang=en-XA`, the pseudo locale, shows what is
// not translated yet). The page's `lang` follows it, for screen readers and hyphenation.
const wanted = new URLSearchParams(window.location.search).get('lang');
if (wanted) setLocale(wanted);
watchEffect(() => {
  document.documentElement.lang = locale.value.tag;
});

const app = createApp(App);
app.use(createPinia());
app.use(createAppRouter());
app.mount('#app');
