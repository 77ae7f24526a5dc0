import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { ClientDataProvider, createClientData } from './query/client-data';
import { AppRouter } from './routing/app-router';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/tables.css';
import './styles/chart.css';
import './styles/print.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');
const clientData = createClientData();
createRoot(container).render(
  <StrictMode>
    <ClientDataProvider data={clientData}>
      <AppRouter>
        <App />
      </AppRouter>
    </ClientDataProvider>
  </StrictMode>,
);
