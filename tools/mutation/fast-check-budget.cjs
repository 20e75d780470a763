// Mutation runs only: every surviving mutant reruns the property tests that cover it, so they get a
// smaller, fixed budget (a fixed seed keeps a mutant's verdict the same from one incremental run to
// the next). Tests that set numRuns themselves keep it. The normal suite is untouched.
require('fast-check').configureGlobal({ numRuns: 40, seed: 23 });
