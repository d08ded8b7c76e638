import { z } from 'zod';

/** An aggregate id: opaque to everyone but its owning service. */
export const aggregateIdSchema = z.string().min(1);

/** A calendar date without a time of day, `YYYY-MM-DD`. */
export const calendarDateSchema = z.iso.date();

/** Free-form text that must say something. */
export const textSchema = z.string().min(1);
