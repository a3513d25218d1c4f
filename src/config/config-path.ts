/** Where the repo config lives, on the repo's default branch. */
export const CONFIG_PATH = ".github/design-docs.yml";
