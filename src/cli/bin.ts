#!/usr/bin/env node
import { run } from "./main.js";
import { installProcessHandlers } from "./process.js";

installProcessHandlers();
process.exitCode = await run(process.argv.slice(2));
