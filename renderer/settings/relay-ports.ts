/** The relay's ports as the manual gives them (初期値): 31136 for Express, 31138 for Express (HTTPS); agents use the same. */
export const RELAY_EXPRESS_PORT = 31136;
export const RELAY_HTTPS_PORT = 31138;
