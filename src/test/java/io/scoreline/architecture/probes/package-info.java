/**
 * Classes that exist only to prove TestTierRulesTest can fail: they are loaded by package name, so the
 * rule's own test class does not depend on them (it would otherwise reach the database itself).
 */
package io.scoreline.architecture.probes;
