/** {@code scoreline badges …} and {@code scoreline contest …}: awards, custom badges, the stock catalog and contests, through their use cases. */
package io.scoreline.app.cli.gamification;
