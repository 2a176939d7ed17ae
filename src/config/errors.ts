/**
 * Errors on Canopy's own surfaces carry stable codes from this one table (fastify's FST_ERR_*).
 * A config error names the field and where it came from (file path, env variable or flag).
 */
export const CONFIG_ERROR_CODES = {
  CANOPY_ERR_CONFIG_FILE: 'the config file cannot be read or parsed',
  CANOPY_ERR_CONFIG_UNKNOWN_KEY: 'a file key (topicDefaults and limits names included) or CANOPY_* variable that no config field has',
  CANOPY_ERR_CONFIG_FIELD: 'a field with a value of the wrong type or out of range',
  CANOPY_ERR_CONFIG_FLAG: 'an unknown command-line flag, a flag without its value, or a positional argument',
  CANOPY_ERR_CONFIG_LIMITS: 'limits that contradict each other',
} as const;

export type ConfigErrorCode = keyof typeof CONFIG_ERROR_CODES;

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly code: ConfigErrorCode, message: string) {
    super(`${code}: ${message}`);
  }
}
