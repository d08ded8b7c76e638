import './styles';

import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app';
import { AuthProvider } from './auth/auth-context';
import { createUserManager } from './auth/session';
import { loadBoardConfig } from './config';
import { showTimesIn } from './labels';
import { cssVariablesResolver, theme } from './theme';

const root = createRoot(document.getElementById('root')!);

loadBoardConfig().then(
  (config) => {
    showTimesIn(config.timeZone);
    root.render(
      <StrictMode>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
          <DatesProvider settings={{ locale: 'ru', firstDayOfWeek: 1 }}>
            <AuthProvider manager={createUserManager(config)}>
              <App config={config} />
            </AuthProvider>
          </DatesProvider>
        </MantineProvider>
      </StrictMode>,
    );
  },
  (error: unknown) => {
    root.render(<p role="alert">{error instanceof Error ? error.message : String(error)}</p>);
  },
);
