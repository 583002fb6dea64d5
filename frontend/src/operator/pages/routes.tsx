import type { PageRoute } from "../../shared/routes";
import { AgendaPage } from "../agenda/AgendaPage";
import { PracticePage } from "../practice/PracticePage";
import { QueuePage } from "../queue/QueuePage";
import { RoomBookingsPage } from "../rooms/RoomBookingsPage";

/** The operators' pages; every one needs a login (App.tsx wraps them). */
export const operatorRoutes: PageRoute[] = [
  { path: "/", element: <QueuePage /> },
  { path: "/pratiche/:id", element: <PracticePage /> },
  { path: "/agenda", element: <AgendaPage /> },
  { path: "/prenotazioni-sale", element: <RoomBookingsPage /> },
];
