import type { Metrics } from "../metrics/create-metrics.js";
import type { DeliveryHandler } from "./handle-pull-request.js";

/** The parts of a Probot context a delivery is counted by: its event and action. */
interface DeliveryContext {
  name: string;
  payload: object;
}

/**
 * The handler, counting each delivery it handles by event, action and outcome, and timing it
 * (a delivery that throws is an "error", and still fails as before).
 */
export function measureDelivery<C extends DeliveryContext>(
  metrics: Metrics,
  handler: DeliveryHandler<C>,
): (context: C) => Promise<void> {
  return async (context) => {
    const started = performance.now();
    const action =
      "action" in context.payload ? context.payload.action : undefined;
    let outcome = "error";
    try {
      outcome = await handler(context);
    } finally {
      metrics.delivery(
        context.name,
        action,
        outcome,
        performance.now() - started,
      );
    }
  };
}
