/** Typed, validated settings of a Scoreline process, and the master key's source. */
package io.scoreline.app.config;
