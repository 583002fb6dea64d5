// The embeddable widgets: <sportello-services>, <sportello-service-card>, <sportello-booking>.
export {};
