import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { awaitPrefetch } from './pages/dashboard/prefetch';
import './styles/app.css';
import './styles/print.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
const container = root;

// A short wait for the dashboard's prefetched figures lets the first render draw the charts.
void awaitPrefetch(250).finally(() => {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
