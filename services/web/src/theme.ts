import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Mantine's defaults with text contrast of at least 4.5:1 (WCAG AA, checked by axe in the browser
 * tests): links and buttons in a darker blue, secondary text in a darker grey.
 */
export const theme = createTheme({ primaryShade: 8 });

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
