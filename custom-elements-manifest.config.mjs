// The widget build writes custom-elements.json into its output folder (tests build into temporary ones); the
// package.json `customElements` field is set once by hand to dist/widgets, so the analyzer must not rewrite it.
export default { packagejson: false };
