export { SEED_CORPUS, SEED_DIR, readSeedCorpus, type SeedEntry, type SeedDocument } from './corpus';
