import { gatesBench } from './gates.js'
const s = await gatesBench({ quick: true, log: m => console.error(m) })
console.log(s.body, s.checks)
