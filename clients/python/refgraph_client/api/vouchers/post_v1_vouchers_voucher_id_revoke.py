from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.voucher import Voucher
from typing import cast



def _get_kwargs(
    voucher_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/vouchers/{voucher_id}/revoke".format(voucher_id=quote(str(voucher_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Voucher:
    if response.status_code == 200:
        response_200 = Voucher.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Voucher]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    voucher_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Error | Voucher]:
    """ Revoke a voucher so it can no longer pay (operators)

    Args:
        voucher_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Voucher]
     """


    kwargs = _get_kwargs(
        voucher_id=voucher_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    voucher_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Error | Voucher | None:
    """ Revoke a voucher so it can no longer pay (operators)

    Args:
        voucher_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Voucher
     """


    return sync_detailed(
        voucher_id=voucher_id,
client=client,

    ).parsed

async def asyncio_detailed(
    voucher_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Error | Voucher]:
    """ Revoke a voucher so it can no longer pay (operators)

    Args:
        voucher_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Voucher]
     """


    kwargs = _get_kwargs(
        voucher_id=voucher_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    voucher_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Error | Voucher | None:
    """ Revoke a voucher so it can no longer pay (operators)

    Args:
        voucher_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Voucher
     """


    return (await asyncio_detailed(
        voucher_id=voucher_id,
client=client,

    )).parsed
