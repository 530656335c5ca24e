/** Logging set-up that logback.xml refers to: filters that keep the log to what an operator can act on. */
package io.scoreline.app.logging;
