// /accounting-system/… that no operation serves — a JSON 404 in the dialect's error shape, not Next's HTML page
export { GET, POST, PUT, PATCH, DELETE } from "@/lib/openapi/unknown-path-routes";
