/**
 * Declared parameters: each component declares its settable figures once, beside its
 * parameter record ({@link org.vmmc.core.param.ParameterSet}), with name, unit, default,
 * confidence and source; everything that lists, parses or reports parameters is derived from
 * the declarations.
 */
package org.vmmc.core.param;
