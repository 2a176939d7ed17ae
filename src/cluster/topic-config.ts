/**
 * The per-topic config definitions live in config/topic-configs.ts so that config/load.ts can
 * validate the broker's topicDefaults at start-up (config may not import cluster); the cluster
 * and api code keep importing them from here.
 */
export * from '../config/topic-configs.js';
