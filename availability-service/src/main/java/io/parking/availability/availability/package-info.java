/** The read API: free and total spots per lot and floor, served from Redis. */
package io.parking.availability.availability;
