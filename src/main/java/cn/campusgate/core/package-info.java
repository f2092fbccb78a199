/**
 * Shared kernel: roles and the acting person, the audit event contract, the shell's contribution points
 * (navigation, home tasks), business-rule exceptions rendered as problem details, the clock and the
 * embedded PostgreSQL. Nothing here knows a business module.
 */
@org.jspecify.annotations.NullMarked
package cn.campusgate.core;
