/**
 * The API's HTTP contract beyond its resources: parameters and JSON bodies read strictly (a value
 * that does not convert, an unknown or repeated field, a value of the wrong kind is refused naming
 * it; a body past REGULUS_JSON_MAX_BYTES is refused before it is read whole), and the headers every
 * answer carries.
 */
package io.regulus.api.contract;
