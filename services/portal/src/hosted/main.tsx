import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HostedApp } from './HostedApp';
import './hosted.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HostedApp />
  </StrictMode>,
);
