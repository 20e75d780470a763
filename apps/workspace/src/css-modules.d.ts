/** CSS modules (`*.module.css`): Vite gives their class names in camelCase (vite.config.mts `localsConvention`). */
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}

/** Plain stylesheets are imported for their side effect only. */
declare module '*.css';
